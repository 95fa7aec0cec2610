#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the classroom browser tests (tests/serve/).
# Playwright drives it through executable_path; `playwright install` (which downloads a
# browser build from outside the package registries) is never used.
#
#   scripts/browser.sh        # prints the path of the browser
set -euo pipefail
BROWSER=/usr/bin/chromium
if [ ! -x "$BROWSER" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "Chromium is missing: sudo apt-get install -y chromium" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q chromium >&2 || { apt-get update -q >&2 && apt-get install -y -q chromium >&2; }
fi
echo "$BROWSER"

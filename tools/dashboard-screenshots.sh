#!/usr/bin/env bash
# Regenerates the dashboard's phone-sized screenshots in docs/screenshots/ (linked from README): runs the browser
# test (dev.parley.runtime.dashboard.DashboardBrowserTest), which saves the main pages as it passes through them
# when -Dparley.screenshots names a directory. Needs Chromium (tools/install-browser.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q verify -pl runtime -am -Dparley.skipTestBinaries=true -Dtest=DashboardBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false -Dparley.screenshots="$root/docs/screenshots"
ls -1 "$root/docs/screenshots"

#!/usr/bin/env bash
# Regenerates the dashboard's phone-sized screenshots in docs/screenshots/ (linked from README): runs every browser
# test of the dashboard (dev.parley.runtime.dashboard.DashboardBrowserTest for the order agent and each flow's
# *DashboardBrowserTest), which save the main pages as they pass through them when -Dparley.screenshots names a
# directory. Needs Chromium (tools/install-browser.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q verify -pl runtime -am -Dparley.skipTestBinaries=true -Dtest='DashboardBrowserTest,*DashboardBrowserTest' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false -Dparley.screenshots="$root/docs/screenshots"
ls -1 "$root/docs/screenshots"

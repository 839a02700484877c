#!/usr/bin/env bash
# Installs the browser the dashboard's browser tests drive: Chromium and its
# chromedriver from Debian's own packages (no driver download by Selenium
# Manager, no CDN), and a Devanagari font so that the Hindi pages (and their
# screenshots) show letters rather than empty boxes. A fast no-op when all are
# already on the machine.
#
#   /usr/bin/chromium      the browser (headless in tests)
#   /usr/bin/chromedriver  the WebDriver server for it
#   fonts-lohit-deva       a Devanagari font (80 KB; phones have their own)
#
# Needs root (or sudo without a password) to install; without either it says
# what to run and exits 0, and the browser tests are skipped (or fail under
# PARLEY_REQUIRE_TEST_SERVERS=true, as CI sets).
set -euo pipefail

has_devanagari() {
    command -v fc-list >/dev/null 2>&1 && fc-list :lang=hi family | grep -q .
}

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && has_devanagari; then
    exit 0
fi

packages=(chromium chromium-driver fonts-lohit-deva)
if [ "$(id -u)" -eq 0 ]; then
    run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=(sudo -n)
else
    echo "install-browser: Chromium is missing and this user cannot install packages; run as root:" >&2
    echo "    apt-get update && apt-get install -y --no-install-recommends ${packages[*]}" >&2
    exit 0
fi

echo "install-browser: apt-get install ${packages[*]} (for the dashboard's browser tests)"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
echo "install-browser: $(chromium --version 2>/dev/null || echo 'chromium installed'); $(chromedriver --version 2>/dev/null | head -1)"

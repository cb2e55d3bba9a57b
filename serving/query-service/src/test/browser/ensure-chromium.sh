#!/usr/bin/env bash
# Makes sure a headless Chromium and its matching chromedriver are installed for the dashboard's
# browser test (DashboardBrowserITCase). Run by the build in pre-integration-test, so
# `./mvnw verify` on a fresh Debian/Ubuntu machine needs no manual setup.
#   - no-op when both binaries are already on the PATH (or in /usr/bin);
#   - otherwise installs Debian's `chromium` and `chromium-driver` with apt-get, as root or
#     through passwordless sudo;
#   - otherwise fails with a message that says what to install.
# Skip with NEWSFLOW_SKIP_CHROMIUM_INSTALL=1 (the browser test then fails with its own message).
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/bin/$1" ]; }

if have chromium && have chromedriver; then
  exit 0
fi
if [ "${NEWSFLOW_SKIP_CHROMIUM_INSTALL:-0}" = "1" ]; then
  echo "ensure-chromium: chromium/chromedriver missing and NEWSFLOW_SKIP_CHROMIUM_INSTALL=1; not installing" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: chromium and chromedriver are missing and apt-get is not available." >&2
  echo "  Install Chromium and a matching chromedriver so that 'chromium' and 'chromedriver' are on the PATH." >&2
  exit 1
fi

packages=(chromium chromium-driver)
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "ensure-chromium: chromium and chromedriver are missing; installing them needs root." >&2
  echo "  Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi

echo "ensure-chromium: installing ${packages[*]} with apt-get (one-time setup for the dashboard browser test)"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -q
"${run[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"

if ! have chromium || ! have chromedriver; then
  echo "ensure-chromium: apt-get finished but chromium/chromedriver are still not found" >&2
  exit 1
fi
echo "ensure-chromium: $(chromium --version 2>/dev/null || true); $(chromedriver --version 2>/dev/null || true)"

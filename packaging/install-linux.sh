#!/usr/bin/env bash
# Install the built bundle (dist/pmdesk) for the current user: files, launcher, icons.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bundle=${1:-$here/../dist/pmdesk}
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
[[ -x $bundle/pmdesk ]] || { echo "no bundle at $bundle: run packaging/build.py first" >&2; exit 1; }
mkdir -p "$prefix/pmdesk-app" "$HOME/.local/bin" "$prefix/applications"
cp -a "$bundle/." "$prefix/pmdesk-app/"
ln -sf "$prefix/pmdesk-app/pmdesk" "$HOME/.local/bin/pmdesk"
sed "s|^Exec=pmdesk|Exec=$prefix/pmdesk-app/pmdesk|" "$here/pmdesk.desktop" \
  > "$prefix/applications/pmdesk.desktop"
for size in 16 24 32 48 64 128 256 512; do
  dir="$prefix/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir" && cp "$here/icons/pmdesk-$size.png" "$dir/pmdesk.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
echo "pmdesk installed in $prefix/pmdesk-app; start it from the menu or with 'pmdesk'"

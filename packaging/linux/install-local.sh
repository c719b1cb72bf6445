#!/usr/bin/env bash
# Install a built bundle (dist/backtimer) for the current user, with its menu entry, icons and AppStream data.
# Usage: bash packaging/linux/install-local.sh [--uninstall]        PREFIX defaults to ~/.local
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="${PREFIX:-$HOME/.local}"
app_id="io.github.backtimer.Backtimer"
share="$prefix/share"
if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$prefix/opt/backtimer" "$prefix/bin/backtimer" "$share/applications/$app_id.desktop" \
        "$share/metainfo/$app_id.metainfo.xml"
    find "$share/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
    echo "backtimer removed from $prefix"
    exit 0
fi
[ -x "$root/dist/backtimer/backtimer" ] || { echo "build first: bash packaging/build.sh" >&2; exit 1; }
mkdir -p "$prefix/opt" "$prefix/bin" "$share/applications" "$share/metainfo" "$share/icons"
rm -rf "$prefix/opt/backtimer"
cp -a "$root/dist/backtimer" "$prefix/opt/backtimer"
ln -sf "$prefix/opt/backtimer/backtimer" "$prefix/bin/backtimer"
install -m644 "$root/packaging/linux/$app_id.desktop" "$share/applications/"
install -m644 "$root/packaging/linux/$app_id.metainfo.xml" "$share/metainfo/"
cp -r "$root/assets/icons/hicolor" "$share/icons/"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "backtimer installed in $prefix (make sure $prefix/bin is on PATH)"

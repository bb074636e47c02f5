#!/usr/bin/env bash
# Install Stappenwijzer in .venv and build the site from the bundled protocol into site/.
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

apt_install "${PDF_PACKAGES[@]}"
setup_venv ""
.venv/bin/stappenwijzer build

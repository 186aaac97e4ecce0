#!/usr/bin/env bash
# Regenerates every screenshot in docs/screenshots/ from the demo journal, offscreen.
# Each script works in a private temporary folder; your own journal is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/python scripts/screenshots.py          # wizard, unlock, Today (light, dark), help
.venv/bin/python scripts/records_screenshots.py  # Calendar, Meetings, Sponsor, Journal
.venv/bin/python scripts/trends_screenshots.py   # Trends (light, dark)
.venv/bin/python scripts/report_screenshots.py   # the PDF report's pages

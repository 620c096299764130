#!/bin/sh
# Regenerates the map gallery from the bundled scenario (Reuters, November 2024):
#   docs/gallery/build.sh        (from anywhere in a clone; builds the jar on first use)
# Writes schematic and choropleth maps, English and Ukrainian, as SVG and PNG
# (1600 px, 200 dpi), plus the English schematic map as PDF. Same input, same bytes.
set -e
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
cm="$here/../../controlmap"
for mode in schematic choropleth; do
    for lang in en uk; do
        "$cm" render --mode "$mode" --lang "$lang" -o "$here/$mode-$lang.svg" -o "$here/$mode-$lang.png"
    done
done
"$cm" render --mode schematic --lang en -o "$here/schematic-en.pdf"
chmod 644 "$here"/*.svg "$here"/*.png "$here"/*.pdf

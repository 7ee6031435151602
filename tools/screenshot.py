"""Make docs/screenshot.png from the real window with a digit drawn by mouse events.

    python tools/screenshot.py [--out docs/screenshot.png] [--digit INDEX] [--conv]
                               [--language zh_CN]

The window is rendered offscreen on a virtual 1920x1080 screen, with its own empty
settings (so the user's saved layout does not leak into the picture). The digit is a
real MNIST handwriting path from ../shared/strokes when available (INDEX picks it),
else a drawn 7. `--language zh_CN` renders the window in Simplified Chinese (docs/chinese.png;
it needs a CJK font, e.g. fonts-wqy-microhei). Look at the result before committing it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from offscreen import ROOT, pump, start_app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--digit", type=int, default=0, help="MNIST training digit index")
    parser.add_argument("--conv", action="store_true", help="also show the conv maps")
    parser.add_argument("--size", default="1440x900", help="window size, WxH")
    parser.add_argument("--language", default="en", help="en or zh_CN")
    args = parser.parse_args()
    app = start_app()
    from drawing import draw, mnist_digit, strokes_available

    from cnn_desktop.ui.language import install_language
    from cnn_desktop.ui.main_window import MainWindow

    if not install_language(args.language):
        print(f"no translation for {args.language}", file=sys.stderr)
        return 1
    window = MainWindow()
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    deadline = time.monotonic() + 60
    while window.engine is None and time.monotonic() < deadline:
        pump(app, 0.05)
    if window.engine is None:
        print("the model did not load", file=sys.stderr)
        return 1
    window.actions_.conv_maps.setChecked(args.conv)
    if strokes_available():
        _, strokes = mnist_digit(args.digit, size=0.62)
    else:
        strokes = [[(0.3, 0.22), (0.72, 0.22), (0.45, 0.82)]]
    draw(window.canvas, *strokes)
    pump(app, 0.2)
    window.canvas.leaveEvent(None)  # no brush outline in the picture
    app.processEvents()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"cannot write {out}", file=sys.stderr)
        return 1
    print(f"{out}: {window.panel.digit_label.text()} "
          f"({window.panel.confidence_label.text()})")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# xlsx-read.py FILE...: each xlsx that `njbt print` wrote, read back with
# openpyxl into FILE.txt: one line per row, its cells joined by commas as
# the CSV printer writes them (text as it is, money "#,##0.00" cells with
# two decimals, other numbers as integers, empty cells empty), then
# "TYPE label: s|n" for each header cell's column (s: every body cell a
# string), then "REPEAT rows", "PAGE orientation paper fit=True width=1
# height=0" (fit to one page wide, as many pages high as it takes).
# Exits 1 if a file does not open as a workbook.
import sys

import openpyxl


def cell_text(c):
    v = c.value
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if c.number_format == "#,##0.00":
            return "%.2f" % v
        return "%d" % v
    return str(v)


def main(paths):
    rc = 0
    for p in paths:
        try:
            wb = openpyxl.load_workbook(p)
        except Exception as e:  # noqa: BLE001 -- any failure to open
            print("%s: %s" % (p, e), file=sys.stderr)
            rc = 1
            continue
        ws = wb.active
        rows = list(ws.iter_rows())
        out = []
        for r in rows:
            out.append(",".join(cell_text(c) for c in r).rstrip(","))
        # the header: the first row with more than two cells filled
        head = next((i for i, r in enumerate(rows)
                     if sum(c.value is not None for c in r) > 2), None)
        if head is not None:
            for k, c in enumerate(rows[head]):
                if c.value is None:
                    continue
                kinds = set()
                for r in rows[head + 1:]:
                    if k < len(r) and r[k].value not in (None, ""):
                        kinds.add("s" if isinstance(r[k].value, str)
                                  else "n")
                out.append("TYPE %s: %s" % (c.value, "".join(sorted(kinds))))
        out.append("REPEAT %s" % (ws.print_title_rows or ""))
        ps = ws.page_setup
        fit = ws.sheet_properties.pageSetUpPr
        out.append("PAGE %s %s fit=%s width=%s height=%s" % (
            ps.orientation, ps.paperSize,
            fit is not None and bool(fit.fitToPage),
            ps.fitToWidth if ps.fitToWidth is not None else 1,
            ps.fitToHeight))
        with open(p + ".txt", "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

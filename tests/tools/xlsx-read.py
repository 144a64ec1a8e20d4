#!/usr/bin/env python3
# xlsx-read.py FILE...: each xlsx that `njbt print` wrote, read back with
# openpyxl into FILE.txt: one line per row, its cells joined by commas as
# the CSV printer writes them (text as it is, money "#,##0.00" cells with
# two decimals, other numbers as integers, empty cells empty), then
# "TYPE label: s|n" for each column of the header rows (its lowest label;
# s: every body cell below them a string), then "REPEAT rows", "PAGE orientation paper fit=True width=1
# height=0" (fit to one page wide, as many pages high as it takes),
# "BREAKS r1 r2 ..." (the 1-based rows a manual page break comes before)
# and "SHEETS n". A workbook of several worksheets (the per-person forms,
# 1024 records a sheet) is read sheet after sheet into the same lines.
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
        breaks = []
        for sheet in wb.worksheets:
            for r in sheet.iter_rows():
                out.append(",".join(cell_text(c) for c in r).rstrip(","))
            breaks += ["%d" % (b.id + 1) for b in sheet.row_breaks.brk]
        # the header: the rows repeated on each page (1-based "$3:$4");
        # a column's label is the lowest one it has there
        rep = ws.print_title_rows or ""
        nums = [int(t) for t in rep.replace("$", "").split(":") if t]
        if nums:
            top, bottom = nums[0] - 1, nums[-1] - 1
            for k in range(len(rows[top])):
                label = None
                for h in range(top, bottom + 1):
                    if k < len(rows[h]) and rows[h][k].value is not None:
                        label = rows[h][k].value
                if label is None:
                    continue
                kinds = set()
                for r in rows[bottom + 1:]:
                    if k < len(r) and r[k].value not in (None, ""):
                        kinds.add("s" if isinstance(r[k].value, str)
                                  else "n")
                out.append("TYPE %s: %s" % (label, "".join(sorted(kinds))))
        out.append("FORMULAS %d" % sum(c.data_type == "f" for r in rows
                                       for c in r))
        out.append("REPEAT %s" % (ws.print_title_rows or ""))
        ps = ws.page_setup
        fit = ws.sheet_properties.pageSetUpPr
        out.append("PAGE %s %s fit=%s width=%s height=%s" % (
            ps.orientation, ps.paperSize,
            fit is not None and bool(fit.fitToPage),
            ps.fitToWidth if ps.fitToWidth is not None else 1,
            ps.fitToHeight))
        out.append("BREAKS %s" % " ".join(breaks))
        out.append("SHEETS %d" % len(wb.worksheets))
        with open(p + ".txt", "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/python3
"""Build every corpus workbook into OUTDIR.

Usage: /usr/bin/python3 test/corpus/generate.py OUTDIR [case ...]

Each module in cases/ defines build(path) writing an .xlsx (openpyxl or xlsxwriter), or
build_source(dir) returning a .fods/.csv path that LibreOffice converts to .xlsx.
Prints one JSON object {case: xlsx path or {"skip": reason}} on stdout.
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the source tree clean


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, "cases", name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def convert_all(sources, out_dir):
    """One soffice run for every source (start-up is the slow part)."""
    soffice = shutil.which("soffice")
    if not soffice:
        return "soffice (libreoffice-calc) is not installed"
    profile = "file://" + os.path.join(out_dir, "lo-profile")
    cmd = [soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", "xlsx", "--outdir", out_dir]
    r = subprocess.run(cmd + list(sources.values()), capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        return "soffice failed: " + (r.stderr or r.stdout).strip()[:200]
    return None


def main():
    out_dir = os.path.abspath(sys.argv[1])
    os.makedirs(out_dir, exist_ok=True)
    wanted = sys.argv[2:] or sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "cases")) if f.endswith(".py"))
    result, sources = {}, {}
    for name in wanted:
        mod = load(name)
        if hasattr(mod, "build_source"):
            sources[name] = mod.build_source(out_dir)
        else:
            path = os.path.join(out_dir, getattr(mod, "FILENAME", name + ".xlsx"))
            mod.build(path)
            result[name] = path
    if sources:
        failed = convert_all(sources, out_dir)
        for name, src in sources.items():
            xlsx = os.path.splitext(src)[0] + ".xlsx"
            result[name] = {"skip": failed} if failed else xlsx
            if not failed and not os.path.exists(xlsx):
                result[name] = {"skip": "soffice wrote no " + os.path.basename(xlsx)}
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

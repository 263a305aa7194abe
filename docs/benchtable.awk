# Turns `go test -bench` output of internal/vault and cmd/immivault-cli into
# the table of the vault's performance budgets (see `make bench`).
function ms(name) { return ns[name] / 1e6 }
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	ns[name] = $3
	for (i = 4; i < NF; i++) metric[name, $(i + 1)] = $i
}
BEGIN {
	uiWork["BenchmarkUnlockOnUIGoroutine"] = "unlock (12 people)"
	uiWork["BenchmarkSelectPersonOnUIGoroutine"] = "select a person"
	uiWork["BenchmarkImportOnUIGoroutine"] = "notice proposal and refresh"
}
END {
	fmt = "%-50s %14s %20s %14s  %s\n"
	printf fmt, "measure", "immivault", "reference", "budget", "verdict"
	row("unlock: scrypt (logN 18) alone", sprintf("%.0f ms", ms("BenchmarkScrypt")), "", "~1 s", "")
	row("unlock: everything else (1,000 records, 500 MB)", sprintf("%.1f ms", ms("BenchmarkUnlockAfterScrypt")), "", "<= 50 ms",
		verdict(ms("BenchmarkUnlockAfterScrypt") <= 50))
	row("unlock: total", sprintf("%.0f ms", ms("BenchmarkUnlock")), "", "scrypt + 50 ms",
		verdict(ms("BenchmarkUnlock") <= ms("BenchmarkScrypt") + 50))
	med = metric["BenchmarkSaveEdit", "ms-median"]
	row("save one edit, fsync included (median)", sprintf("%.1f ms", med), "", "<= 30 ms", verdict(med <= 30))
	ours = ms("BenchmarkAddFile5MB"); theirs = ms("BenchmarkAgeCLI5MB")
	ref = theirs > 0 ? sprintf("age -r: %.1f ms", theirs) : "age CLI missing"
	row("add a 5 MB file, fsync included", sprintf("%.1f ms", ours), ref, "<= 1.3x age",
		theirs > 0 ? verdict(ours <= 1.3 * theirs) sprintf(" (%.2fx)", ours / theirs) : "n/a")
	row("read a 5 MB file", sprintf("%.1f ms", ms("BenchmarkReadFile5MB")), "", "", "")
	if (ns["BenchmarkChangeKey100MB"] != "") {
		ours = ms("BenchmarkChangeKey100MB"); theirs = ms("BenchmarkAgeCLIReencrypt100MB")
		ref = theirs > 0 ? sprintf("age -d | age -r: %.0f ms", theirs) : "age CLI missing"
		row("change the key of 100 MB of notices (scrypt incl.)", sprintf("%.0f ms", ours), ref, "",
			theirs > 0 ? sprintf("(%.2fx)", ours / theirs) : "n/a")
	}
	if (ns["BenchmarkBackup500MB"] != "") {
		ours = ms("BenchmarkBackup500MB"); theirs = ms("BenchmarkAgeCLIBackup500MB")
		ref = theirs > 0 ? sprintf("tar | age -r: %.0f ms", theirs) : "tar or age missing"
		row("back up 500 MB of notices, read back incl.", sprintf("%.0f ms", ours), ref, "<= 1.3x",
			theirs > 0 ? verdict(ours <= 1.3 * theirs) sprintf(" (%.2fx)", ours / theirs) : "n/a")
		mem = metric["BenchmarkBackup500MB", "MiB-peak-rss-above-base"]
		row("back up 500 MB: peak memory above base", sprintf("%.0f MiB", mem), "", "<= 100 MiB", verdict(mem <= 100))
	}
	rss = metric["BenchmarkPeakRSS", "MiB-peak-rss"]
	if (ns["BenchmarkExport500MB"] != "") {
		ours = ms("BenchmarkExport500MB"); theirs = ms("BenchmarkZipAge500MB")
		ref = theirs > 0 ? sprintf("zip -0 | age: %.0f ms", theirs) : "zip or age missing"
		row("export a 500 MB bundle", sprintf("%.0f ms", ours), ref, "<= 1.3x",
			theirs > 0 ? verdict(ours <= 1.3 * theirs) sprintf(" (%.2fx)", ours / theirs) : "n/a")
		v = metric["BenchmarkExport500MB", "MiB-peak-rss-above-base"]
		row("export: peak memory above baseline", sprintf("%.0f MiB", v), "", "<= 100 MiB", verdict(v <= 100))
	}
	if (ns["BenchmarkInspectTextPDF"] != "") {
		v = ms("BenchmarkInspectTextPDF")
		row("notice: inspect a 1-page text PDF (warm)", sprintf("%.1f ms", v), "", "<= 150 ms", verdict(v <= 150))
		v = ms("BenchmarkRenderPage150DPI")
		row("notice: render a page at 150 DPI (warm)", sprintf("%.1f ms", v), "", "<= 100 ms", verdict(v <= 100))
		row("notice: engine start, compiled code cached", sprintf("%.0f ms", ms("BenchmarkColdStart/cached")), "", "", "")
		row("notice: engine start, first compile", sprintf("%.0f ms", ms("BenchmarkColdStart/first-compile")), "", "", "")
		ours = ms("BenchmarkOCRScan/png"); theirs = ms("BenchmarkTesseractAlone/defaults")
		row("notice: inspect a letter scan (OCR)", sprintf("%.0f ms", ours), sprintf("tesseract: %.0f ms", theirs),
			"<= 1.2x", verdict(ours <= 1.2 * theirs) sprintf(" (%.2fx)", ours / theirs))
		v = metric["BenchmarkPeakMemory20MBScan/image-only-pdf", "MiB-peak-above-warm"]
		w = metric["BenchmarkPeakMemory20MBScan/png", "MiB-peak-above-warm"]
		row("notice: peak memory reading a 20 MB scan", sprintf("%.0f MiB", max2(v, w)), "", "<= 150 MiB", verdict(max2(v, w) <= 150))
	}
	if (ns["BenchmarkRecognize/wasm"] != "") {
		ours = ms("BenchmarkRecognize/wasm"); theirs = ms("BenchmarkRecognize/native")
		ref = theirs > 0 ? sprintf("tesseract: %.0f ms", theirs) : "tesseract missing"
		row("OCR: letter page 300 dpi, 1 thread, in WebAssembly", sprintf("%.0f ms", ours), ref, "<= 2x",
			theirs > 0 ? verdict(ours <= 2 * theirs) sprintf(" (%.2fx)", ours / theirs) : "n/a")
		row("OCR: the same on a fresh instance (model loaded)", sprintf("%.0f ms", ms("BenchmarkRecognize/wasm-cold")), "", "", "")
		v = metric["BenchmarkRecognize/wasm", "MiB-peak-rss"]
		if (v != "") row("OCR: peak memory of the process reading it", sprintf("%.0f MiB", v), "", "<= 300 MiB", verdict(v <= 300))
	}
	if (ns["BenchmarkFirstFrame"] != "") {
		v = ms("BenchmarkFirstFrame")
		row("app: first frame, software painter (headless)", sprintf("%.0f ms", v), "", "<= 1000 ms", verdict(v <= 1000))
		for (b in uiWork) {
			v = ms(b)
			row("app: UI goroutine, " uiWork[b], sprintf("%.1f ms", v), "", "<= 100 ms", verdict(v <= 100))
		}
		for (k in ns) if (k ~ /^BenchmarkPageVisible\//) {
			v = ms(k); n = k; sub(/^BenchmarkPageVisible\//, "", n)
			row("app: notice page visible, " n, sprintf("%.0f ms", v), "", "<= 300 ms", verdict(v <= 300))
		}
	}
	row("peak RSS of any CLI command (500 MB file)", sprintf("%.0f MiB", rss), "scrypt: 256 MiB", "<= 320 MiB", verdict(rss <= 320))
}
function row(a, b, c, d, e) { printf fmt, a, b, c, d, e }
function max2(a, b) { return a > b ? a : b }
function verdict(ok) { return ok ? "ok" : "OVER" }

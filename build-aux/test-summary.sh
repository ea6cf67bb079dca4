#!/bin/sh
# Reads the output of `meson test` on stdin and prints "PASSED FAILED" from its summary:
# Ok and Expected Fail count as passed; Fail, Unexpected Pass and Timeout as failed.
awk '
  /^Ok:/              { passed += $2 }
  /^Expected Fail:/   { passed += $3 }
  /^Fail:/            { failed += $2 }
  /^Unexpected Pass:/ { failed += $3 }
  /^Timeout:/         { failed += $2 }
  END                 { printf "%d %d\n", passed, failed }
'

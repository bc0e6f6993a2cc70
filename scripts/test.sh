#!/bin/sh
# npm test: the Node suite (vitest.config.ts; arguments given to `npm test -- ...` go to it),
# then the browser suite (vitest.browser.config.ts: headless Chromium, webgl). Both always run,
# each writes its own JSON report (.ci/run adds them up), and the exit status fails if either does.
vitest run --reporter=default --reporter=json --outputFile.json="${VITEST_JSON_REPORT:-.vitest-report.json}" "$@"
node_status=$?
vitest run --config vitest.browser.config.ts --reporter=default --reporter=json --outputFile.json="${VITEST_BROWSER_JSON_REPORT:-.vitest-browser-report.json}"
browser_status=$?
[ "$node_status" -eq 0 ] && [ "$browser_status" -eq 0 ]

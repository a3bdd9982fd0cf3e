// AddressSanitizer reads this at start-up of the test runner (`swift test --sanitize=address`),
// and only there: civicwatch does not link it.
//
// LeakSanitizer is off in the runner process. XCTest on Linux never frees its suites and test-case
// instances, so at exit it reports everything they hold (e.g. a compiled classifier, 5.6 MB for
// ClassifierTests alone), all as "indirect" leaks rooted in XCTMain; suppressions do not reach
// them. Leaks in civicwatch itself are checked in its own processes: every command the suite runs
// (run, check, demo, report ...) is the sanitized binary with LeakSanitizer on, and a leak there
// makes it exit non-zero and fails the test (that is how the demo server's thread cycle was found).
#include "LeakCheckScope.h"

const char *__asan_default_options(void) {
    return "detect_leaks=0";
}

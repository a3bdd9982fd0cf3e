// See LeakCheckScope.c: linked into the test runner only, never into civicwatch.
const char *__asan_default_options(void);

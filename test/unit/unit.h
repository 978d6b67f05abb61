/*-------------------------------------------------------------------------
 *
 * unit.h
 *	  Tiny TAP helpers for the standalone unit tests.
 *
 * Every assertion prints "ok N - description" or "not ok N - description"
 * (with a diagnostic on failure); done_testing() prints the plan "1..N" and
 * returns the exit status: non-zero when any assertion failed.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_UNIT_H
#define GQL_UNIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int	unit_run;
static int	unit_failed;

/*
 * Report one assertion; returns pass.
 */
static inline bool
unit_report(bool pass, const char *file, int line, const char *fmt,
			va_list args)
			__attribute__((format(printf, 4, 0)));

static inline bool
unit_report(bool pass, const char *file, int line, const char *fmt,
			va_list args)
{
	unit_run++;
	printf("%s %d - ", pass ? "ok" : "not ok", unit_run);
	vprintf(fmt, args);
	printf("\n");
	if (!pass)
	{
		unit_failed++;
		printf("#   failed at %s line %d\n", file, line);
	}
	fflush(stdout);
	return pass;
}

/*
 * ok(cond, fmt, ...): pass when cond is true.
 */
static inline bool
unit_ok(bool pass, const char *file, int line, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

static inline bool
unit_ok(bool pass, const char *file, int line, const char *fmt,...)
{
	va_list		args;
	bool		r;

	va_start(args, fmt);
	r = unit_report(pass, file, line, fmt, args);
	va_end(args);
	return r;
}

/*
 * is_int(got, expected, fmt, ...): integers equal.
 */
static inline bool
unit_is_int(long long got, long long expected, const char *file, int line,
			const char *fmt,...)
			__attribute__((format(printf, 5, 6)));

static inline bool
unit_is_int(long long got, long long expected, const char *file, int line,
			const char *fmt,...)
{
	va_list		args;
	bool		r;

	va_start(args, fmt);
	r = unit_report(got == expected, file, line, fmt, args);
	va_end(args);
	if (!r)
		printf("#          got: %lld\n#     expected: %lld\n", got, expected);
	return r;
}

/*
 * is_mem(got, got_len, expected, expected_len, fmt, ...): byte strings
 * equal (either may contain NULs; a NULL got never equals).
 */
static inline bool
unit_is_mem(const char *got, size_t got_len, const char *expected,
			size_t expected_len, const char *file, int line,
			const char *fmt,...)
			__attribute__((format(printf, 7, 8)));

static inline bool
unit_is_mem(const char *got, size_t got_len, const char *expected,
			size_t expected_len, const char *file, int line,
			const char *fmt,...)
{
	va_list		args;
	bool		r;

	va_start(args, fmt);
	r = unit_report(got != NULL && got_len == expected_len &&
					memcmp(got, expected, expected_len) == 0,
					file, line, fmt, args);
	va_end(args);
	if (!r)
		printf("#          got: '%.*s'\n#     expected: '%.*s'\n",
			   got ? (int) got_len : 6, got ? got : "(null)",
			   (int) expected_len, expected);
	return r;
}

#define ok(cond, ...) \
	unit_ok((cond) ? true : false, __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, expected, ...) \
	unit_is_int((long long) (got), (long long) (expected), \
				__FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, expected, ...) \
	unit_is_mem((got), (got) ? strlen(got) : 0, (expected), \
				strlen(expected), __FILE__, __LINE__, __VA_ARGS__)
#define is_mem(got, got_len, expected, expected_len, ...) \
	unit_is_mem((got), (got_len), (expected), (expected_len), \
				__FILE__, __LINE__, __VA_ARGS__)

/*
 * Print the plan; the exit status of the test program.
 */
static inline int
done_testing(void)
{
	printf("1..%d\n", unit_run);
	if (unit_failed > 0)
		printf("# %d of %d tests failed\n", unit_failed, unit_run);
	return unit_failed > 0 ? 1 : 0;
}

#endif							/* GQL_UNIT_H */

/*-------------------------------------------------------------------------
 *
 * arena.c
 *	  Arena memory and growable byte buffers of the GraphQL language core.
 *
 * An arena hands out zeroed, suitably aligned memory carved from large
 * blocks obtained from a GqlAllocator.  Nothing is freed individually: the
 * whole arena goes at once with gql_arena_destroy().  Requests larger than a
 * quarter of the block size get a block of their own, so a big allocation
 * never wastes the rest of the current block.
 *
 *-------------------------------------------------------------------------
 */
#include "language.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GQL_ALIGN			(_Alignof(max_align_t))
#define GQL_ALIGN_UP(n)		(((n) + GQL_ALIGN - 1) & ~((size_t) GQL_ALIGN - 1))
#define GQL_FIRST_BLOCK		((size_t) 8 * 1024)
#define GQL_MAX_BLOCK		((size_t) 1024 * 1024)
#define GQL_BUF_MIN			((size_t) 64)

/* Header of every block; the usable memory follows it, aligned. */
typedef struct GqlBlock
{
	struct GqlBlock *next;
	size_t		size;			/* usable bytes after the header */
} GqlBlock;

#define GQL_BLOCK_HDR		GQL_ALIGN_UP(sizeof(GqlBlock))

struct GqlArena
{
	GqlAllocator allocator;
	GqlBlock   *blocks;			/* most recent first; head is the current one */
	char	   *ptr;			/* free space in the current block */
	size_t		avail;
	size_t		used;			/* bytes obtained from the allocator */
	size_t		next_size;		/* usable size of the next regular block */
};

/*
 * Default block allocator: malloc, aborting on failure (the contract says
 * an allocator never returns NULL).
 */
static void *
default_alloc(void *ctx, size_t size)
{
	void	   *p = malloc(size);

	(void) ctx;
	if (p == NULL)
		abort();
	return p;
}

/*
 * Default block release: free.
 */
static void
default_free(void *ctx, void *block)
{
	(void) ctx;
	free(block);
}

/*
 * Create an empty arena.  The arena header itself lives in its own small
 * allocation from the allocator.
 */
GqlArena *
gql_arena_create(const GqlAllocator *allocator)
{
	GqlAllocator a;
	GqlArena   *arena;

	if (allocator != NULL)
		a = *allocator;
	else
	{
		a.block_alloc = default_alloc;
		a.block_free = default_free;
		a.ctx = NULL;
	}
	arena = a.block_alloc(a.ctx, sizeof(GqlArena));
	memset(arena, 0, sizeof(GqlArena));
	arena->allocator = a;
	arena->used = sizeof(GqlArena);
	arena->next_size = GQL_FIRST_BLOCK;
	return arena;
}

/*
 * Release every block and the arena itself (only when the allocator has a
 * block_free; otherwise the owner of the memory releases it).
 */
void
gql_arena_destroy(GqlArena *arena)
{
	GqlBlock   *b;
	GqlBlock   *next;

	if (arena == NULL || arena->allocator.block_free == NULL)
		return;
	for (b = arena->blocks; b != NULL; b = next)
	{
		next = b->next;
		arena->allocator.block_free(arena->allocator.ctx, b);
	}
	arena->allocator.block_free(arena->allocator.ctx, arena);
}

/*
 * Obtain a block with at least `size` usable bytes.  An overflowing size is
 * passed on as SIZE_MAX so that the allocator fails in its own way.
 */
static GqlBlock *
new_block(GqlArena *arena, size_t size)
{
	size_t		total = size + GQL_BLOCK_HDR;
	GqlBlock   *b;

	if (total < size)
		total = SIZE_MAX;
	b = arena->allocator.block_alloc(arena->allocator.ctx, total);
	b->size = size;
	b->next = NULL;
	arena->used += total;
	return b;
}

/*
 * A request too big for the regular blocks: give it a block of its own,
 * linked behind the current block so that the current one stays in use.
 */
static void *
alloc_large(GqlArena *arena, size_t size)
{
	GqlBlock   *b = new_block(arena, size);
	char	   *mem = (char *) b + GQL_BLOCK_HDR;

	if (arena->blocks == NULL)
		arena->blocks = b;
	else
	{
		b->next = arena->blocks->next;
		arena->blocks->next = b;
	}
	memset(mem, 0, size);
	return mem;
}

/*
 * Start a new regular block (the sizes double up to GQL_MAX_BLOCK).
 */
static void
grow(GqlArena *arena)
{
	GqlBlock   *b = new_block(arena, arena->next_size);

	b->next = arena->blocks;
	arena->blocks = b;
	arena->ptr = (char *) b + GQL_BLOCK_HDR;
	arena->avail = b->size;
	if (arena->next_size < GQL_MAX_BLOCK)
		arena->next_size *= 2;
}

/*
 * Zeroed memory aligned for any type; never returns NULL.
 */
void *
gql_arena_alloc(GqlArena *arena, size_t size)
{
	size_t		need = GQL_ALIGN_UP(size);
	void	   *mem;

	if (need < size)			/* overflow: let the allocator fail */
		return alloc_large(arena, SIZE_MAX);
	if (need == 0)
		need = GQL_ALIGN;
	if (need > arena->next_size / 4)
		return alloc_large(arena, need);
	if (need > arena->avail)
		grow(arena);
	mem = arena->ptr;
	arena->ptr += need;
	arena->avail -= need;
	memset(mem, 0, need);
	return mem;
}

/*
 * Copy len bytes (which may contain NULs) and add a terminating NUL.
 */
char *
gql_arena_strndup(GqlArena *arena, const char *s, size_t len)
{
	char	   *copy = gql_arena_alloc(arena, len + 1);

	if (len > 0)
		memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

/*
 * Total bytes obtained from the allocator so far.
 */
size_t
gql_arena_used(const GqlArena *arena)
{
	return arena->used;
}

/*
 * Start an empty buffer.
 */
void
gql_buf_init(GqlBuf *buf, GqlArena *arena)
{
	buf->arena = arena;
	buf->cap = GQL_BUF_MIN;
	buf->data = gql_arena_alloc(arena, buf->cap);
	buf->len = 0;
}

/*
 * Make room for `extra` more bytes plus the terminating NUL, doubling the
 * capacity (the old storage stays in the arena until it is destroyed).
 */
static void
buf_reserve(GqlBuf *buf, size_t extra)
{
	size_t		need = buf->len + extra + 1;
	size_t		cap = buf->cap;
	char	   *data;

	if (need <= cap)
		return;
	if (need < extra)			/* overflow */
		need = SIZE_MAX;
	while (cap < need && cap <= SIZE_MAX / 2)
		cap *= 2;
	if (cap < need)
		cap = need;
	data = gql_arena_alloc(buf->arena, cap);
	memcpy(data, buf->data, buf->len + 1);
	buf->data = data;
	buf->cap = cap;
}

/*
 * Append len bytes.
 */
void
gql_buf_append(GqlBuf *buf, const char *s, size_t len)
{
	if (len == 0)
		return;
	buf_reserve(buf, len);
	memcpy(buf->data + buf->len, s, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

/*
 * Append a NUL-terminated string.
 */
void
gql_buf_append_str(GqlBuf *buf, const char *s)
{
	gql_buf_append(buf, s, strlen(s));
}

/*
 * Append one byte.
 */
void
gql_buf_append_char(GqlBuf *buf, char c)
{
	buf_reserve(buf, 1);
	buf->data[buf->len++] = c;
	buf->data[buf->len] = '\0';
}

/*
 * Append printf-style formatted text.
 */
void
gql_buf_printf(GqlBuf *buf, const char *fmt,...)
{
	va_list		args;
	va_list		again;
	int			n;
	size_t		room = buf->cap - buf->len;

	va_start(args, fmt);
	va_copy(again, args);
	n = vsnprintf(buf->data + buf->len, room, fmt, args);
	va_end(args);
	if (n >= 0 && (size_t) n >= room)
	{
		buf_reserve(buf, (size_t) n);
		n = vsnprintf(buf->data + buf->len, (size_t) n + 1, fmt, again);
	}
	va_end(again);
	if (n > 0)
		buf->len += (size_t) n;
	buf->data[buf->len] = '\0';
}

/* Attribute specifiers where they appertain to the function or a
 * parameter: read, and left out of block-gen.c. */
#ifndef SEED_ATTRIBUTES_H
#define SEED_ATTRIBUTES_H

[[nodiscard]] int co_wrapper bdrv_seed_nodiscard(BlockDriverState *bs);
int co_wrapper bdrv_seed_nonnull [[gnu::nonnull]] (BlockDriverState *bs,
                                                   const char *name);
void co_wrapper_mixed bdrv_seed_params([[maybe_unused]] BlockDriverState *bs,
                                       int64_t offset [[gnu::unused]],
                                       int v [[maybe_unused]] [4]);
int no_co_wrapper bdrv_co_seed_after(BlockDriverState *bs) [[gnu::unused]] [[]];
[[deprecated("use bdrv_seed_nodiscard")]] [[gnu::noinline, gnu::leaf]]
int coroutine_fn GRAPH_RDLOCK co_wrapper_bdrv_rdlock bdrv_seed_many(BdrvChild *child);

#endif

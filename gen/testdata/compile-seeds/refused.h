/* Declarations gcc accepts that block-gen.c cannot spell: refused. */
#ifndef SEED_REFUSED_H
#define SEED_REFUSED_H

int co_wrapper bdrv_seed_star(BlockDriverState *bs, size_t n, const int v[*]);
int co_wrapper bdrv_seed_star_inner(BlockDriverState *bs, int (*g)[*]);
int co_wrapper bdrv_seed_vm(BlockDriverState *bs, size_t n, int m[][n]);
[[gnu::ms_abi]] int co_wrapper bdrv_seed_abi(BlockDriverState *bs);

#endif

/* Array parameters: each stored as the pointer it decays to. */
#ifndef SEED_ARRAYS_H
#define SEED_ARRAYS_H

int co_wrapper bdrv_seed_bounded(BlockDriverState *bs, uint8_t buf[16],
                                 int matrix[2][3]);
int co_wrapper bdrv_seed_qualified(BlockDriverState *bs, int v[const 4],
                                   int w[static 4], char *x[restrict],
                                   int y[static const volatile 2]);
int co_wrapper_mixed bdrv_seed_vla(BlockDriverState *bs, size_t n,
                                   int64_t v[n], int m[static n][3]);
void co_wrapper bdrv_seed_prototype(BlockDriverState *bs,
                                    void (*cb)(size_t n, int v[*]),
                                    const char *const names[]);
int no_co_wrapper bdrv_co_seed_unbounded(BlockDriverState *bs, char *argv[]);

#endif

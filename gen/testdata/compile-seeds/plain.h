/* The common shapes of QEMU's wrappers. */
#ifndef SEED_PLAIN_H
#define SEED_PLAIN_H

int co_wrapper_mixed_bdrv_rdlock
bdrv_seed_preadv(BdrvChild *child, int64_t offset, int64_t bytes,
                 QEMUIOVector *qiov, BdrvRequestFlags flags);
int co_wrapper_bdrv_rdlock blk_seed_flush(BlockBackend *blk);
BlockDriverState * no_co_wrapper_bdrv_wrlock
bdrv_co_seed_open(const char *filename, QDict *options, Error **errp);
void co_wrapper bdrv_seed_callback(BlockDriverState *bs,
                                   void (*cb)(void *opaque, int ret),
                                   void *opaque);

#endif

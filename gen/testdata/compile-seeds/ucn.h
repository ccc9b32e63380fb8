/* Universal character names in identifiers (C11 6.4.3). */
#ifndef SEED_UCN_H
#define SEED_UCN_H

int co_wrapper bdrv_seed_ucn(BlockDriverState *bs, int64_t caf\u00e9,
                             const char *\u03bbname, int \U0001F600);
void co_wrapper bdrv_seed_utf8(BlockDriverState *bs, int größe);

#endif

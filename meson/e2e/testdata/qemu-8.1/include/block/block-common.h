/*
 * Stands for QEMU 8.1's include/block/block-common.h where the generator
 * is concerned: it defines the markers that release knows.
 */
#ifndef BLOCK_COMMON_H
#define BLOCK_COMMON_H

#define co_wrapper
#define co_wrapper_mixed
#define co_wrapper_bdrv_rdlock
#define co_wrapper_mixed_bdrv_rdlock
#define no_co_wrapper

#endif /* BLOCK_COMMON_H */

/*
 * Stands for QEMU's include/block/block-common.h where the generator is
 * concerned: it defines the markers, and declares no wrapper, so a scan
 * of include/block reads it and generates nothing from it.
 */
#ifndef BLOCK_COMMON_H
#define BLOCK_COMMON_H

#define co_wrapper
#define co_wrapper_mixed
#define co_wrapper_bdrv_rdlock
#define co_wrapper_mixed_bdrv_rdlock
#define no_co_wrapper
#define no_co_wrapper_bdrv_rdlock
#define no_co_wrapper_bdrv_wrlock

#endif /* BLOCK_COMMON_H */

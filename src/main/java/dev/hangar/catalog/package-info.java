/**
 * What can be launched: regions, GPU types, images, key pairs, buckets, prices; on-disk cache and offline snapshot.
 */
@MayUse({"aws", "spec", "files"})
package dev.hangar.catalog;

import dev.hangar.MayUse;

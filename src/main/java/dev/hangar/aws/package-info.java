/**
 * The one factory of every AWS SDK client (region, credentials, endpoint, retries) and its settings.
 */
@MayUse({"blueprint"})
package dev.hangar.aws;

import dev.hangar.MayUse;

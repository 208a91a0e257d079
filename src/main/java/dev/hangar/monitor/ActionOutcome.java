package dev.hangar.monitor;

import dev.hangar.journal.LaunchRecord;

/**
 * How an instance action ended.
 *
 * @param message       one line for the user: what happened, or why not and what to do
 * @param instanceState EC2's state afterwards as last seen (null when not read)
 * @param record        the launch's journal afterwards
 */
public record ActionOutcome(String launchId, InstanceAction action, boolean succeeded, String message, String instanceState,
        LaunchRecord record) {
}

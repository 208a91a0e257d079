package dev.hangar.checklist;

import dev.hangar.blueprint.Blueprint;
import dev.hangar.spec.LaunchSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Warns past 90 days: images are a snapshot of the OS, driver and CUDA patches of their day. */
public final class AmiAgeRule extends BaseRule {

    public static final int MAX_AGE_DAYS = 90;

    private final Clock clock;

    public AmiAgeRule(Clock clock) {
        super("ami-up-to-date", "The machine image is recent",
                "An image carries the operating system, GPU driver and CUDA patches of the day it was made. An old one "
                        + "starts with known holes; AWS publishes new Deep Learning AMIs every few weeks.",
                Severity.MEDIUM);
        this.clock = clock;
    }

    @Override
    public Finding evaluate(Blueprint blueprint, AccountFacts facts) {
        LaunchSpec spec = blueprint.spec();
        String image = facts.amiName() == null ? spec.amiId() : facts.amiName() + " (" + spec.amiId() + ")";
        Fix fix = Fix.manual("Pick a recent image, e.g. the latest AWS Deep Learning AMI for your framework, and set amiId to it.");
        Instant created = facts.amiCreationDate();
        if (created == null) {
            return couldNotCheck("Could not check how old the image is", "when image " + image + " was created.", fix);
        }
        long days = Math.max(0, Duration.between(created, clock.instant()).toDays());
        String age = days + (days == 1 ? " day" : " days");
        String when = image + " was created " + age + " ago (" + LocalDate.ofInstant(created, ZoneOffset.UTC) + ").";
        return days > MAX_AGE_DAYS
                ? warn("The image is " + age + " old, older than " + MAX_AGE_DAYS + " days",
                        when + " Images older than " + MAX_AGE_DAYS + " days miss recent patches.", fix)
                : pass("The image is " + age + " old", when);
    }
}

package dev.hangar.blueprint;

import java.util.Locale;

/** The user an image logs in as: Ubuntu images as ubuntu, Amazon Linux (and the Deep Learning AMIs built on it) as ec2-user. */
public final class LoginUser {

    private LoginUser() {
    }

    /** @param imageName the image's name as EC2 describes it; null gives ec2-user */
    public static String of(String imageName) {
        return String.valueOf(imageName).toLowerCase(Locale.ROOT).contains("ubuntu") ? "ubuntu" : "ec2-user";
    }
}

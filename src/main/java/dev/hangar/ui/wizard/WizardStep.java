package dev.hangar.ui.wizard;

/** The wizard's steps, in order. Each step's view is {@code <fxmlName>.fxml} beside this class: the one place naming them. */
public enum WizardStep {
    ACCOUNT("Account", "Sign in with an AWS profile, or go on without one to plan.", "AccountStep"),
    REGION("Region", "Where the machine runs: pick a region close to your data.", "RegionStep"),
    INSTANCE_TYPE("GPU type", "The GPU machine: model, count, memory and price per hour.", "InstanceTypeStep"),
    AMI("Machine image", "The operating system and frameworks, e.g. a Deep Learning AMI.", "AmiStep"),
    ACCESS("Access", "How you reach the machine, and where it sits: no public address unless you choose one.", "AccessStep"),
    DATA("Data", "The S3 bucket with your data, and the disks.", "DataStep"),
    OPTIONS("Options", "Tenancy, spot or on-demand, idle stop, outbound traffic, name and tags.", "OptionsStep"),
    RUN("Run", "Optionally, the training job the machine runs: code, setup, command, and stopping when it ends.", "RunStep"),
    REVIEW("Review", "The security checklist, where the machine sits, the IAM policy, the cost and a preflight check.", "ReviewStep"),
    LAUNCH("Launch", "Hangar creates everything, and removes it all again if anything fails.", "LaunchStep"),
    DONE("Done", "Your machine is running. Connect to it.", "DoneStep");

    private final String title;
    private final String subtitle;
    private final String fxmlName;

    WizardStep(String title, String subtitle, String fxmlName) {
        this.title = title;
        this.subtitle = subtitle;
        this.fxmlName = fxmlName;
    }

    public String subtitle() {
        return subtitle;
    }

    public String title() {
        return title;
    }

    public String fxmlName() {
        return fxmlName;
    }

    public boolean isFirst() {
        return ordinal() == 0;
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }

    public WizardStep next() {
        return isLast() ? this : values()[ordinal() + 1];
    }

    public WizardStep previous() {
        return isFirst() ? this : values()[ordinal() - 1];
    }
}

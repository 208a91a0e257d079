package dev.hangar.provision.steps;

/** The step identifiers, as the journal and the events name them. */
public final class StepIds {
    public static final String CHECK_IMAGE = "check-image";
    public static final String CHECK_BUCKET = "check-bucket";
    public static final String CHECK_KEY_PAIR = "check-key-pair";
    public static final String CHECK_PERMISSIONS_BOUNDARY = "check-permissions-boundary";
    public static final String RESOLVE_NETWORK = "resolve-network";
    public static final String CHECK_OFFERING = "check-offering";
    public static final String CHECK_CAPACITY_RESERVATION = "check-capacity-reservation";
    public static final String CHOOSE_PLACEMENT = "choose-placement";
    public static final String CREATE_ROLE = "create-role";
    public static final String PUT_DATA_POLICY = "put-data-policy";
    public static final String ATTACH_SSM_POLICY = "attach-ssm-policy";
    public static final String PUT_AGENT_POLICY = "put-agent-policy";
    public static final String CREATE_INSTANCE_PROFILE = "create-instance-profile";
    public static final String ADD_ROLE_TO_PROFILE = "add-role-to-profile";
    public static final String CREATE_SECURITY_GROUP = "create-security-group";
    public static final String REVOKE_DEFAULT_EGRESS = "revoke-default-egress";
    public static final String ALLOW_EGRESS = "allow-egress";
    public static final String AUTHORIZE_SSH = "authorize-ssh";
    public static final String CREATE_KEY_PAIR = "create-key-pair";
    public static final String RUN_INSTANCE = "run-instance";
    public static final String WAIT_INSTANCE_RUNNING = "wait-instance-running";
    public static final String CREATE_DATA_VOLUME = "create-data-volume";
    public static final String ATTACH_DATA_VOLUME = "attach-data-volume";
    public static final String IDLE_STOP_ALARM = "idle-stop-alarm";
    public static final String CREATE_SESSION_DOCUMENT = "create-session-document";
    public static final String CHOOSE_NETWORK_ZONES = "choose-network-zones";
    public static final String CREATE_NETWORK_VPC = "create-network-vpc";
    public static final String CREATE_NETWORK_SUBNETS = "create-network-subnets";
    public static final String CREATE_NETWORK_INTERNET_GATEWAY = "create-network-internet-gateway";
    public static final String CREATE_NETWORK_NAT_GATEWAY = "create-network-nat-gateway";
    public static final String ROUTE_TO_NAT_GATEWAY = "route-to-nat-gateway";
    public static final String CREATE_NETWORK_S3_ENDPOINT = "create-network-s3-endpoint";
    public static final String CREATE_NETWORK_ENDPOINT_SECURITY_GROUP = "create-network-endpoint-security-group";
    public static final String CREATE_NETWORK_INTERFACE_ENDPOINTS = "create-network-interface-endpoints";
    public static final String WAIT_SESSION_MANAGER_ONLINE = "wait-session-manager-online";

    private StepIds() {
    }
}

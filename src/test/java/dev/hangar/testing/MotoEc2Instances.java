package dev.hangar.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The EC2 instances moto holds in a region, for the APIs the front server answers itself about instances (Session
 * Manager's inventory): one DescribeInstances forwarded to moto, as the same caller in the same region.
 */
final class MotoEc2Instances {

    /** What of an instance the fakes need. */
    record Ec2Instance(String instanceId, String state, String privateIp, String platformDetails, String vpcId) {
    }

    private static final Pattern ACCESS_KEY_AND_DATE = Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/");

    private final MotoForwarder moto;

    MotoEc2Instances(MotoForwarder moto) {
        this.moto = moto;
    }

    /**
     * @param caller the request being answered: its access key (which decides moto's account) signs the inner call
     */
    List<Ec2Instance> list(String region, WireRequest caller) throws IOException {
        Matcher m = ACCESS_KEY_AND_DATE.matcher(String.valueOf(caller.headers().first("Authorization")));
        boolean signed = m.find();
        String key = signed ? m.group(1) : "testing";
        String date = signed ? m.group(2) : "20250101";
        Headers headers = new Headers().add("Host", "127.0.0.1").add("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                // moto reads the region (and from the key, the account) off the credential scope; it checks no signature.
                .add("Authorization", "AWS4-HMAC-SHA256 Credential=" + key + "/" + date + "/" + region + "/ec2/aws4_request, "
                        + "SignedHeaders=host, Signature=0");
        WireResponse response = moto.forward(new WireRequest("POST", "/", headers,
                "Action=DescribeInstances&Version=2016-11-15".getBytes(StandardCharsets.UTF_8)));
        if (response.status() != 200) {
            throw new IOException("moto answered DescribeInstances with " + response.status() + ": " + response.bodyAsString());
        }
        return parse(response.body());
    }

    private static List<Ec2Instance> parse(byte[] xml) throws IOException {
        List<Ec2Instance> instances = new ArrayList<>();
        for (Element item : Ec2Xml.resources(Ec2Xml.parse(xml), "instancesSet", null)) {
            Element state = Ec2Xml.child(item, "instanceState");
            instances.add(new Ec2Instance(Ec2Xml.text(item, "instanceId"), state == null ? null : Ec2Xml.text(state, "name"),
                    Ec2Xml.text(item, "privateIpAddress"), Ec2Xml.text(item, "platformDetails"), Ec2Xml.text(item, "vpcId")));
        }
        instances.sort(Comparator.comparing(Ec2Instance::instanceId));
        return instances;
    }
}

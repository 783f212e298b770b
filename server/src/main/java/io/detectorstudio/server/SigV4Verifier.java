package io.detectorstudio.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.http.HttpFields;

/**
 * Checks AWS Signature Version 4 ({@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
 * Signature=…}) against known credentials, the way the service does for the request as received: canonical
 * request (path segments encoded again, as the SDKs do for every service but S3; sorted query; signed headers;
 * SHA-256 of the body), string to sign, key derived from the secret and the credential scope. A missing or wrong
 * signature, or an unknown access key, is {@code UnrecognizedClientException} (403).
 */
public final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/]+)/([^,]+),\\s*SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]+)");

    private final Map<String, String> secrets;

    public SigV4Verifier(Map<String, String> secretsByAccessKey) {
        this.secrets = Map.copyOf(secretsByAccessKey);
    }

    /** The access keys of an AWS credentials file ({@code [profile]}, aws_access_key_id, aws_secret_access_key). */
    public static Map<String, String> readCredentials(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String key = null;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("[")) {
                key = null;
            } else if (eq > 0) {
                String name = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                if (name.equals("aws_access_key_id")) {
                    key = value;
                } else if (name.equals("aws_secret_access_key") && key != null) {
                    out.put(key, value);
                }
            }
        }
        return out;
    }

    void verify(String method, String rawPath, String rawQuery, HttpFields headers, byte[] body) {
        String authorization = headers.get("Authorization");
        if (authorization == null) {
            throw Errors.unrecognizedClient("the request is not signed (no Authorization header); "
                    + "this server runs with --verify-signatures");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.find()) {
            throw Errors.unrecognizedClient("the Authorization header is not an AWS4-HMAC-SHA256 signature");
        }
        String secret = secrets.get(m.group(1));
        if (secret == null) {
            throw Errors.unrecognizedClient("The security token included in the request is invalid.");
        }
        String scope = m.group(2);
        String[] scopeParts = scope.split("/");
        String amzDate = headers.get("X-Amz-Date");
        if (scopeParts.length != 4 || amzDate == null) {
            throw Errors.unrecognizedClient("the signature's credential scope or X-Amz-Date is missing");
        }
        List<String> signedHeaders = List.of(m.group(3).split(";"));
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n').append(canonicalPath(rawPath)).append('\n')
                .append(canonicalQuery(rawQuery)).append('\n');
        for (String h : signedHeaders) {
            List<String> values = headers.getValuesList(h);
            canonical.append(h).append(':').append(String.join(",", values.stream()
                    .map(v -> v.strip().replaceAll("\\s+", " ")).toList())).append('\n');
        }
        canonical.append('\n').append(m.group(3)).append('\n');
        String payloadHash = headers.get("X-Amz-Content-Sha256");
        canonical.append(payloadHash != null && !payloadHash.startsWith("UNSIGNED") && !payloadHash.startsWith("STREAMING")
                ? payloadHash : hex(sha256(body)));
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scopeParts[0]);
        key = hmac(key, scopeParts[1]);
        key = hmac(key, scopeParts[2]);
        key = hmac(key, scopeParts[3]);
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(4).getBytes(StandardCharsets.US_ASCII))) {
            throw Errors.unrecognizedClient("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method.");
        }
    }

    private static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.add(new String[] {encode(name), encode(value)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        pairs.forEach(p -> joined.add(p[0] + "=" + p[1]));
        return String.join("&", joined);
    }

    /** RFC 3986 encoding as SigV4 defines it: unreserved characters stay, everything else is %XX. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

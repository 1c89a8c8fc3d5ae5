/** The baseline of scripts/bench-cold-start: a JVM that starts, "handles" nothing and says when it did. */
public class HelloColdStart {

    public static void main(String[] args) {
        System.out.println("hello");
        System.err.println("handled-at-epoch-ms=" + System.currentTimeMillis());
    }
}

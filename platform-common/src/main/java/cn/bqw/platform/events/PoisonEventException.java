package cn.bqw.platform.events;

/** A record that can never be processed, however often it is retried: it goes to the dead letters. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}

package cn.bqw.launcher.demo;

/** A progress bar on a terminal; where output goes to a file, one line when done. */
final class Progress {

    private static final int WIDTH = 30;
    private final String label;
    private final long total;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();

    Progress(String label, long total) {
        this.label = label;
        this.total = total;
    }

    void update(long done) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
        String line = String.format(
                "  %-22s [%s%s] %,d/%,d", label, "█".repeat(filled), "░".repeat(WIDTH - filled), done, total);
        if (terminal) {
            System.out.print("\r" + line);
        }
    }

    void done(String note) {
        update(total);
        if (!terminal) {
            System.out.print(String.format("  %-22s %,d", label, total));
        }
        String took =
                String.format(" %.1f s%s", (System.nanoTime() - started) / 1e9, note.isEmpty() ? "" : "; " + note);
        System.out.println(took);
    }
}

package cn.bqw.task.task;

/** Where a task stands on a day (Asia/Shanghai), with its traffic light. */
public enum TaskStatus {
    /** Its start date has not come. */
    NOT_STARTED(Light.GREEN),
    /** Progress keeps up with the elapsed share of its time, within the margin. */
    ON_SCHEDULE(Light.GREEN),
    /** Progress is behind the elapsed share of its time by more than the margin. */
    BEHIND(Light.YELLOW),
    /** Its due date or a milestone's has passed unfinished. */
    OVERDUE(Light.RED),
    /** Reached in full, every milestone done. */
    DONE(Light.GREEN);

    private final Light light;

    TaskStatus(Light light) {
        this.light = light;
    }

    public Light light() {
        return light;
    }

    /** 红/黄/绿, as the office marks its ledger. */
    public enum Light {
        RED("红"),
        YELLOW("黄"),
        GREEN("绿");

        private final String zh;

        Light(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace PharmaMes.Infrastructure.Planning;

/// <summary>The "Planning" section: how the schedule is made when the plant does not say it itself.</summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    /// <summary>
    /// Plan by itself: at start, after orders, batches or equipment change, and every few minutes. Disturbances (an
    /// equipment Down) are answered with a proposal either way.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How far ahead the schedule looks.</summary>
    [Range(1, 90)]
    public int HorizonDays { get; set; } = 14;

    /// <summary>How long the solver may search for a better schedule than earliest due date.</summary>
    [Range(1, 120)]
    public int TimeLimitSeconds { get; set; } = 5;

    /// <summary>A step's duration when the equipment has no ideal rate for the product and the step has not run before.</summary>
    [Range(1, 10_080)]
    public int DefaultStepMinutes { get; set; } = 60;

    /// <summary>Changeover (cleaning) between two different products on an equipment.</summary>
    [Range(0, 1_440)]
    public int ChangeoverMinutes { get; set; } = 45;

    /// <summary>Changeover on an equipment whose cleaning rules want a major clean at a product change.</summary>
    [Range(0, 2_880)]
    public int MajorCleanMinutes { get; set; } = 120;

    /// <summary>How long an equipment that is Down or in maintenance is expected to stay so, until it says otherwise.</summary>
    [Range(1, 10_080)]
    public int ExpectedRepairMinutes { get; set; } = 120;

    /// <summary>After a change, wait this long for more before planning again (changes come in bursts).</summary>
    [Range(1, 3_600)]
    public int SettleSeconds { get; set; } = 3;

    /// <summary>Plan again at least this often, since time moves on even when nothing changes.</summary>
    [Range(1, 1_440)]
    public int ReplanMinutes { get; set; } = 10;

    /// <summary>How long the solver may search for a proposal after a disturbance (the answer is due within seconds).</summary>
    [Range(1, 60)]
    public int ImpactTimeLimitSeconds { get; set; } = 2;

    /// <summary>
    /// The largest problem (operations) given to the solver; a larger one is planned by earliest due date at once, and a
    /// disturbance in it re-plans only the orders it touches.
    /// </summary>
    [Range(1, 100_000)]
    public int SolverMaxOperations { get; set; } = 300;

    /// <summary>
    /// How long procurement is expected to take to deliver a material the stock cannot cover: an order short of it is
    /// planned no earlier than this.
    /// </summary>
    [Range(0, 365)]
    public int MaterialLeadTimeDays { get; set; } = 7;

    /// <summary>
    /// How long quality control usually takes to release a lot received into Quarantine: the plan counts on it from
    /// then. A lot QA put back into Quarantine (on hold) is not counted.
    /// </summary>
    [Range(0, 90)]
    public int QuarantineReleaseDays { get; set; } = 3;

    /// <summary>Put a proposal in force without waiting for a planner when it makes no order miss its due date.</summary>
    public bool AutoAccept { get; set; }

    public TimeSpan TimeLimit => TimeSpan.FromSeconds(TimeLimitSeconds);
    public TimeSpan ImpactTimeLimit => TimeSpan.FromSeconds(ImpactTimeLimitSeconds);
}

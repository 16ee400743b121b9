using FluentValidation;
using PharmaMes.Domain.Upkeep;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Web.Components.Pages.Maintenance;

/// <summary>A cleaning as the person who did it records it. Times are entered in UTC, like every time shown.</summary>
public class CleaningForm
{
    public CleaningMethod Method { get; set; } = CleaningMethod.Minor;
    public string? CleaningAgent { get; set; }
    public DateTime? CleanedAtUtc { get; set; }
    public string? Comment { get; set; }

    public sealed class Validator : AbstractValidator<CleaningForm>
    {
        public Validator(Func<DateTimeOffset> now)
        {
            RuleFor(f => f.Method).Must(m => m != CleaningMethod.CleanInPlace)
                .WithMessage("A clean-in-place cycle is reported by the equipment; choose minor, major or product changeover.");
            RuleFor(f => f.CleaningAgent).NotEmpty().WithMessage("Name the cleaning agent used (e.g. purified water, 70 % IPA, 1 % NaOH).")
                .MaximumLength(CleaningRecord.AgentMaxLength).WithMessage($"Keep the agent to {CleaningRecord.AgentMaxLength} characters.");
            RuleFor(f => f.CleanedAtUtc).NotNull().WithMessage("When was the cleaning finished?")
                .Must(t => t is null || new DateTimeOffset(DateTime.SpecifyKind(t.Value, DateTimeKind.Utc)) <= now().AddMinutes(1))
                .WithMessage("A cleaning cannot be finished in the future.");
            RuleFor(f => f.Comment).MaximumLength(CleaningRecord.CommentMaxLength).WithMessage($"Keep the comment to {CleaningRecord.CommentMaxLength} characters.");
        }
    }
}

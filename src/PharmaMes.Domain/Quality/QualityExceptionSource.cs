namespace PharmaMes.Domain.Quality;

/// <summary>Who raised a quality exception: the system, on a rule (out-of-limit value, skipped step...), or a person.</summary>
public enum QualityExceptionSource
{
    Automatic,
    Manual,
}

namespace PharmaMes.Domain.Quality;

/// <summary>How much a quality exception may affect the product, as QA classifies deviations.</summary>
public enum QualityExceptionSeverity
{
    /// <summary>No effect on product quality expected.</summary>
    Minor,
    /// <summary>May affect product quality: investigated before the batch is released.</summary>
    Major,
    /// <summary>Likely affects product quality or patient safety.</summary>
    Critical,
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

/// <summary>Column shapes for value objects used by several entities.</summary>
internal static class PropertyBuilderExtensions
{
    public static PropertyBuilder<PlantCode> HasPlantCode(this PropertyBuilder<PlantCode> property) =>
        property.HasConversion(v => v.Value, v => new PlantCode(v)).HasMaxLength(PlantCode.MaxLength).IsRequired();

    public static PropertyBuilder<UnitOfMeasure> HasUnitOfMeasure(this PropertyBuilder<UnitOfMeasure> property) =>
        property.HasConversion(v => v.Symbol, v => new UnitOfMeasure(v)).HasMaxLength(UnitOfMeasure.MaxLength).IsRequired();
}

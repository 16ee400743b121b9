using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Common;
using PharmaMes.Domain.Materials;
using PharmaMes.Domain.Plant;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

/// <summary>Column shapes for value objects used by several entities.</summary>
internal static class PropertyBuilderExtensions
{
    public static PropertyBuilder<PlantCode> HasPlantCode(this PropertyBuilder<PlantCode> property) =>
        property.HasConversion(v => v.Value, v => new PlantCode(v)).HasMaxLength(PlantCode.MaxLength).IsRequired();

    public static PropertyBuilder<MaterialCode> HasMaterialCode(this PropertyBuilder<MaterialCode> property) =>
        property.HasConversion(v => v.Value, v => new MaterialCode(v)).HasMaxLength(MaterialCode.MaxLength).IsRequired();

    /// <summary>A quantity as two columns, amount and unit, named after the property.</summary>
    public static void HasQuantity<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, Quantity>> property, string name)
        where T : class =>
        builder.ComplexProperty(property, q =>
        {
            q.Property(x => x.Amount).HasColumnName($"{name}Amount").HasPrecision(18, 6);
            q.Property(x => x.Unit).HasColumnName($"{name}Unit").HasConversion(v => v.Symbol, v => new UnitOfMeasure(v)).HasMaxLength(UnitOfMeasure.MaxLength).IsRequired();
        });

    /// <summary>Limits as two columns, named after the property.</summary>
    public static void HasRange<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, ValueRange>> property, string name)
        where T : class =>
        builder.ComplexProperty(property, r =>
        {
            r.Property(x => x.Low).HasColumnName($"{name}Low");
            r.Property(x => x.High).HasColumnName($"{name}High");
        });

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A short list read and written whole with its entity (and audited with it): one JSON document in one column.</summary>
    public static PropertyBuilder<IReadOnlyList<T>> HasJsonDocument<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, Json),
                v => System.Text.Json.JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<T>>(
                    (a, b) => System.Text.Json.JsonSerializer.Serialize(a, Json) == System.Text.Json.JsonSerializer.Serialize(b, Json),
                    v => System.Text.Json.JsonSerializer.Serialize(v, Json).GetHashCode(),
                    v => v.ToList()))
            .IsRequired();

    public static PropertyBuilder<UnitOfMeasure> HasUnitOfMeasure(this PropertyBuilder<UnitOfMeasure> property) =>
        property.HasConversion(v => v.Symbol, v => new UnitOfMeasure(v)).HasMaxLength(UnitOfMeasure.MaxLength).IsRequired();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Domain.Plant;
using PharmaMes.Domain.Production;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ProductionOrderConfiguration : IEntityTypeConfiguration<ProductionOrder>
{
    public void Configure(EntityTypeBuilder<ProductionOrder> builder)
    {
        builder.ToTable("ProductionOrders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasConversion(v => v.Value, v => new OrderNumber(v)).HasMaxLength(OrderNumber.MaxLength);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.ExternalId).HasMaxLength(ProductionOrder.ExternalIdMaxLength);
        builder.HasIndex(o => o.ExternalId).IsUnique();
        builder.Property(o => o.ProductCode).HasMaterialCode();
        builder.HasQuantity(o => o.Quantity, "Quantity");
        builder.Property(o => o.CustomerReference).HasMaxLength(ProductionOrder.CustomerReferenceMaxLength);
        builder.Property(o => o.LineCode).HasConversion(v => v!.Value.Value, v => new PlantCode(v)).HasMaxLength(PlantCode.MaxLength);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CancelReason).HasMaxLength(ProductionOrder.ReasonMaxLength);
        builder.HasIndex(o => new { o.Status, o.DueDate });
        builder.Ignore(o => o.AcceptsBatches);
        // Two changes made from the same version: the second one's UPDATE matches no row.
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

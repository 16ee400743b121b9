using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PharmaMes.Infrastructure.Cluster;

namespace PharmaMes.Infrastructure.Persistence.Configurations;

internal sealed class ClusterLeaseConfiguration : IEntityTypeConfiguration<ClusterLease>
{
    public void Configure(EntityTypeBuilder<ClusterLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(ClusterLease.NameLength);
        builder.Property(l => l.Holder).HasMaxLength(ClusterLease.HolderLength).IsRequired();
    }
}

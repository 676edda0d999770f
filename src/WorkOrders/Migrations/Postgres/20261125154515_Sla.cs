using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkOrders.Maintenance.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArrivalDueAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerTier",
                table: "WorkOrders",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "WorkOrders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "SlaPausedFor",
                table: "WorkOrders",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SlaPausedSince",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaPolicyId",
                table: "WorkOrders",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DurableTimers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DurableTimers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DurableTimers_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationLadders",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TeamLeadId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ManagerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TeamLeadAfter = table.Column<TimeSpan>(type: "interval", nullable: false),
                    ManagerAfter = table.Column<TimeSpan>(type: "interval", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationLadders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaCalendars",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HoursJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    HolidaysJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaCalendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SlaPolicies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CustomerTier = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Response = table.Column<TimeSpan>(type: "interval", nullable: false),
                    Arrival = table.Column<TimeSpan>(type: "interval", nullable: false),
                    Resolution = table.Column<TimeSpan>(type: "interval", nullable: false),
                    CalendarId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PauseStatuses = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    WarningFraction = table.Column<double>(type: "double precision", nullable: false),
                    StallAfter = table.Column<TimeSpan>(type: "interval", nullable: true),
                    EscalationLadderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_EscalationLadders_EscalationLadderId",
                        column: x => x.EscalationLadderId,
                        principalTable: "EscalationLadders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SlaPolicies_SlaCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "SlaCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DurableTimers_FiredAt_DueAt",
                table: "DurableTimers",
                columns: new[] { "FiredAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DurableTimers_WorkOrderId_Kind",
                table: "DurableTimers",
                columns: new[] { "WorkOrderId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_CalendarId",
                table: "SlaPolicies",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_EscalationLadderId",
                table: "SlaPolicies",
                column: "EscalationLadderId");

            migrationBuilder.CreateIndex(
                name: "IX_SlaPolicies_Priority_CustomerTier",
                table: "SlaPolicies",
                columns: new[] { "Priority", "CustomerTier" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DurableTimers");

            migrationBuilder.DropTable(
                name: "SlaPolicies");

            migrationBuilder.DropTable(
                name: "EscalationLadders");

            migrationBuilder.DropTable(
                name: "SlaCalendars");

            migrationBuilder.DropColumn(
                name: "ArrivalDueAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "CustomerTier",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "SlaPausedFor",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "SlaPausedSince",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "SlaPolicyId",
                table: "WorkOrders");
        }
    }
}

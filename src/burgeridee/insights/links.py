"""Pages of other apps that belong with the insight pages: they register here, the dashboard links them."""

from dataclasses import dataclass

from burgeridee.records.registry import Registry


@dataclass(frozen=True)
class InsightLink:
    url_name: str  # reversed with the municipality slug; also the key
    label: str
    description: str = ""

    @property
    def key(self) -> str:
        return self.url_name


insight_links = Registry[InsightLink]("insight links")

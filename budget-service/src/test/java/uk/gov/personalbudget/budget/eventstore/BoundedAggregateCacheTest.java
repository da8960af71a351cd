package uk.gov.personalbudget.budget.eventstore;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BoundedAggregateCacheTest {

    @Test
    void keepsWhatWasPutUntilRemoved() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("budget-1", "state");

        assertThat((String) cache.get("budget-1")).isEqualTo("state");
        assertThat(cache.containsKey("budget-1")).isTrue();
        assertThat(cache.putIfAbsent("budget-1", "other")).isFalse();
        assertThat(cache.remove("budget-1")).isTrue();
        assertThat((String) cache.get("budget-1")).isNull();
        assertThat(cache.remove("budget-1")).isFalse();
    }

    @Test
    void holdsNoMoreThanItsSize() {
        BoundedAggregateCache cache = new BoundedAggregateCache(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put("budget-" + i, i);
        }

        await().untilAsserted(() -> {
            long held = 0;
            for (int i = 0; i < 1_000; i++) {
                held += cache.containsKey("budget-" + i) ? 1 : 0;
            }
            assertThat(held).isLessThanOrEqualTo(100);
        });
    }

    @Test
    void handsOutAnEntryOnlyOnceItsCheckMadeItCurrentAndDropsItOtherwise() {
        List<String> current = new ArrayList<>(List.of("budget-1"));
        BoundedAggregateCache cache = new BoundedAggregateCache(10, (key, entry) -> current.contains(key));
        cache.put("budget-1", "state");
        cache.put("budget-2", "stale state");

        assertThat((String) cache.get("budget-1")).isEqualTo("state");
        assertThat((String) cache.get("budget-2")).isNull();
        assertThat(cache.containsKey("budget-2")).isFalse();
    }

    @Test
    void computesOnlyWhatIsAbsentAndUpdatesOnlyWhatIsPresent() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);

        assertThat((String) cache.computeIfAbsent("budget-1", () -> "first")).isEqualTo("first");
        assertThat((String) cache.computeIfAbsent("budget-1", () -> "second")).isEqualTo("first");
        cache.<String>computeIfPresent("budget-1", value -> value + " updated");
        cache.<String>computeIfPresent("budget-2", value -> "never");

        assertThat((String) cache.get("budget-1")).isEqualTo("first updated");
        assertThat(cache.containsKey("budget-2")).isFalse();
        cache.removeAll();
        assertThat(cache.containsKey("budget-1")).isFalse();
    }

    @Test
    void tellsRegisteredListenersUntilDeregistered() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        List<String> heard = new ArrayList<>();
        var registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });

        cache.put("budget-1", "a");
        cache.put("budget-1", "b");
        cache.remove("budget-1");
        registration.cancel();
        cache.put("budget-2", "c");

        assertThat(heard).containsExactly("created budget-1", "updated budget-1", "removed budget-1");
    }
}
